"""Pieces every API view shares: the code field, pagination, throttles, the CSV renderer and documented errors."""
import csv
import io

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer
from rest_framework.throttling import SimpleRateThrottle

from ..limits import CodeRejected, check_code_text
from ..models import PersonalToken


class CodeField(serializers.CharField):
    """Code as students type it: whitespace kept, and the platform's size and encoding limits applied."""

    def __init__(self, **kwargs):
        super().__init__(allow_blank=True, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        try:
            return check_code_text(code)
        except CodeRejected as exc:
            raise serializers.ValidationError(str(exc)) from None


class Pagination(PageNumberPagination):
    """Every list is paged: `page` and `page_size` (at most MAX_PAGE_SIZE) in the query string."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class UserOrTokenThrottle(SimpleRateThrottle):
    """Counts per personal token when one authenticated the request, else per user, else per address."""

    def get_cache_key(self, request, view):
        if isinstance(request.auth, PersonalToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class ApiThrottle(UserOrTokenThrottle):
    scope = "api"


class CsvRenderer(BaseRenderer):
    """Renders a table (a list of rows, header first) as CSV; views hand it plain rows when it was chosen."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = io.StringIO()
        csv.writer(buffer).writerows(data or [])
        return buffer.getvalue().encode("utf-8")


def wants_csv(request):
    return getattr(request.accepted_renderer, "format", None) == CsvRenderer.format


class ErrorOutput(serializers.Serializer):
    detail = serializers.CharField(help_text="Qué ha fallado, en español.")


ERROR_TEXT = {
    400: "Datos no válidos: un objeto con los campos rechazados y sus mensajes, o `detail`.",
    401: "Sin credenciales, o una clave personal desconocida o revocada.",
    403: "Petición de navegador sin la cabecera CSRF.",
    404: "No existe, o no es tuyo: lo ajeno responde igual que lo inexistente.",
    406: "El formato pedido en `Accept` o `format` no está disponible.",
    429: "Demasiadas peticiones; `Retry-After` dice cuántos segundos esperar.",
}


def errors(*codes):
    """Documented error answers for `extend_schema(responses=...)`; 401, 403 and 429 apply everywhere."""
    documented = {}
    for code in sorted({*codes, 401, 403, 406, 429}):
        body = OpenApiTypes.OBJECT if code == 400 else ErrorOutput
        documented[code] = OpenApiResponse(body, description=ERROR_TEXT[code])
    return documented


FORMAT_PARAMETER = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["json", "csv"], required=False,
    description="Otra forma de pedir CSV además de `Accept: text/csv`.")
