from django.conf import settings

from courses import roles


def platform(request):
    user = getattr(request, "user", None)
    return {"sandbox_is_local": settings.SANDBOX_BACKEND == "local",
            "is_instructor": bool(user and roles.is_instructor(user))}
