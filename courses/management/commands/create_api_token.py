"""Creates a personal API token for a user and prints the raw key (the only time it is shown)."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses import tokens


class Command(BaseCommand):
    help = "Crea una clave personal de la API para un usuario e imprime la clave (solo esta vez)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", nargs="?", default="línea de órdenes")

    def handle(self, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No existe el usuario {username!r}.")
        try:
            _token, raw = tokens.create(user, name)
        except tokens.TooManyTokens as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(raw)
