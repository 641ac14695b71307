"""Personal API tokens over the API itself: list, create (the raw key is in this one answer), revoke."""
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import tokens
from ..models import PersonalToken
from .common import errors


class TokenOutput(serializers.ModelSerializer):
    class Meta:
        model = PersonalToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at"]


class TokenCreatedOutput(TokenOutput):
    key = serializers.CharField(help_text="La clave completa. Solo aparece en esta respuesta: guárdala ya.")

    class Meta(TokenOutput.Meta):
        fields = [*TokenOutput.Meta.fields, "key"]


class TokenInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text="Para qué es la clave, p. ej. «script de notas».")


class TokenListApi(generics.ListAPIView):
    serializer_class = TokenOutput

    def get_queryset(self):
        return tokens.active_for(self.request.user)

    @extend_schema(operation_id="token_list", summary="Mis claves personales activas",
                   responses={200: TokenOutput(many=True)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="token_create", summary="Crea una clave personal", request=TokenInput,
                   responses={201: TokenCreatedOutput, **errors(400)})
    def post(self, request):
        data = TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            token, raw = tokens.create(request.user, data.validated_data["name"])
        except tokens.TooManyTokens as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        token.key = raw
        return Response(TokenCreatedOutput(token).data, status=status.HTTP_201_CREATED)


class TokenRevokeApi(APIView):
    @extend_schema(operation_id="token_revoke", summary="Revoca una clave personal", request=None,
                   responses={204: None, **errors(404)})
    def delete(self, request, token_id):
        if not tokens.revoke(request.user, token_id):
            return Response({"detail": "No tienes ninguna clave activa con ese id."}, status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)
