from datetime import timedelta

from django.core.management.base import BaseCommand

from lti import keys


class Command(BaseCommand):
    help = ("Creates a new LTI signing key. The previous keys stay in the JWKS for a grace period after they are "
            "replaced, so platforms that cached them still verify what they signed; older ones leave it.")

    def add_arguments(self, parser):
        parser.add_argument("--grace-days", type=int, default=7,
                            help="Days a replaced key stays published (default 7).")

    def handle(self, *args, grace_days, **options):
        if grace_days < 0:
            self.stderr.write("--grace-days must be 0 or more")
            raise SystemExit(2)
        new, retired = keys.rotate(timedelta(days=grace_days))
        self.stdout.write(f"New signing key {new.as_jwk()['kid']}; {retired} old key(s) removed from the JWKS.")
