from .access import can_author


def authoring(request):
    return {"can_author": can_author(getattr(request, "user", None))}
