from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses import content
from courses.models import ContentSync


class Command(BaseCommand):
    help = "Loads the course files into the database (idempotent). Broken files are reported and skipped."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="a course folder, or a folder of courses (default: CONTENT_DIR)")
        parser.add_argument("--check", action="store_true", help="validate only, write nothing")

    def handle(self, *args, path=None, check=False, **options):
        root = Path(path) if path else settings.CONTENT_DIR
        if not root.is_dir():
            raise CommandError(f"{root} is not a folder")
        folders = content.course_folders(root)
        if not folders:
            raise CommandError(f"no course.yaml under {root}")
        problems = 0
        found, overwritten = [], []
        for folder in folders:
            tree = content.parse_course(folder)
            for problem in tree.problems:
                self.stderr.write(f"error: {problem}")
            problems += len(tree.problems)
            found += [str(p) for p in tree.problems]
            if check:
                continue
            report = content.apply(tree)
            overwritten += report.overwritten
            if options["verbosity"] > 1:
                for label in report.created:
                    self.stdout.write(f"created {label}")
            for label in report.updated:
                self.stdout.write(f"updated {label}")
            for label in report.overwritten:
                self.stdout.write(self.style.WARNING(f"overwrote admin edits in {label}"))
            for label in report.missing:
                self.stdout.write(self.style.WARNING(f"unpublished {label}: its files are gone"))
            if report.created:
                self.stdout.write(f"created {len(report.created)} rows")
        if check:
            self.stdout.write(f"{problems} problems")
            if problems:
                raise CommandError(f"{problems} problems in the content")
            return
        summary = content.summary_line()
        ContentSync.objects.create(summary=summary, problems=found, overwritten=overwritten)
        self.stdout.write(summary)
        self.stdout.write(content.practice_line())
        if problems:
            raise CommandError(f"{problems} files could not be loaded (see above); the rest was synced")
