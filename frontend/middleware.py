from django.conf import settings
from django.http import JsonResponse
from django.utils import translation


class RequestSizeLimitMiddleware:
    """Refuses a body larger than MAX_REQUEST_BYTES before any view or parser reads it (413)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            limit = settings.MAX_REQUEST_BYTES // 1024
            return JsonResponse({"detail": f"La petición supera el máximo de {limit} KiB."}, status=413)
        return self.get_response(request)


class ChosenLanguageMiddleware:
    """Spanish unless the visitor picked another language (the language cookie), whatever the browser says:
    the course is Spanish, so the interface around it stays Spanish by default."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class ApiNotFoundMiddleware:
    """A path under /api/ that matches no route answers JSON like every other API error, not an HTML page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (request.path.startswith("/api/") and response.status_code == 404
                and not response.get("Content-Type", "").startswith("application/json")):
            return JsonResponse({"detail": "No encontrado."}, status=404)
        return response
