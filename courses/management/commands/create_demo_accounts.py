from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from courses.models import Classroom, Course, Membership

ACCOUNTS = [("estudiante", "student", False), ("profesor", "instructor", False), ("admin", "admin", True)]


class Command(BaseCommand):
    help = "Creates (or resets) the demo accounts estudiante, profesor and admin with DEMO_PASSWORD."

    def handle(self, *args, **options):
        password = settings.DEMO_PASSWORD
        User = get_user_model()
        for username, role, superuser in ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
            user.is_staff = user.is_superuser = superuser
            user.set_password(password)
            user.save()
            group, _ = Group.objects.get_or_create(name=role)
            user.groups.add(group)
            self.stdout.write(f"  {username:<11} ({role}) password: {password}")
        course = Course.objects.filter(published=True).first()
        if course:
            classroom, _ = Classroom.objects.get_or_create(
                instructor=User.objects.get(username="profesor"), name="Grupo de demostración",
                defaults={"course": course})
            Membership.objects.get_or_create(classroom=classroom, student=User.objects.get(username="estudiante"))
            self.stdout.write(f"  class «{classroom.name}» (join code {classroom.join_code}) with estudiante in it")
