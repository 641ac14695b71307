import time

from django.core.management.base import BaseCommand, CommandError

from runner import validation


class Command(BaseCommand):
    help = ("Runs every exercise's solution (must pass) and wrong attempts (must fail), and every runnable lesson "
            "block (must run), through the real sandbox.")

    def add_arguments(self, parser):
        parser.add_argument("--run", action="store_true", help="execute in the sandbox (required)")
        parser.add_argument("--no-blocks", action="store_true", help="skip the runnable blocks of the lessons")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                            help="only exercises and lessons whose slug or path contains TEXT (repeatable)")

    def handle(self, *args, run=False, no_blocks=False, workers=2, verbosity=1, only=(), **options):
        if not run:
            raise CommandError("nothing to do without --run (validate_content --run)")

        def progress(kind, item, name, status):
            if verbosity > 1:
                self.stdout.write(f"  {kind:<8} {item.slug} {name or ''}: {status}")

        started = time.monotonic()
        report = validation.validate(include_blocks=not no_blocks, workers=workers, progress=progress,
                                     only=only)
        for problem in report.problems:
            self.stderr.write(f"problem: {problem}")
        if not no_blocks:
            self.stdout.write(f"{report.blocks_ok} runnable blocks ran")
        self.stdout.write(report.line())
        self.stdout.write(f"validated in {time.monotonic() - started:.0f} s")
        if report.problems:
            raise CommandError(f"{len(report.problems)} problems")
