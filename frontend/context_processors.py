from django.conf import settings


def platform(request):
    return {"sandbox_is_local": settings.SANDBOX_BACKEND == "local"}
