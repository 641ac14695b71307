"""Personal API tokens as a DRF authentication: `Authorization: Bearer <clave>` (or `Token <clave>`)."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .. import tokens

SCHEMES = {b"bearer", b"token"}


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in SCHEMES:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Cabecera Authorization mal formada: usa «Bearer <clave>».")
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("La clave contiene caracteres no válidos.") from None
        token = tokens.authenticate(raw)
        if token is None:
            raise exceptions.AuthenticationFailed("Clave desconocida o revocada.")
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = PersonalTokenAuthentication
    name = "clavePersonal"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "Clave personal creada en /cuenta/claves/ (también vale `Token <clave>`)."}
