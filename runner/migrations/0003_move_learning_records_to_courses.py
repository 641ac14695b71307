"""Learning records move to `courses`: quiz attempts, failure signatures, and one result per student and exercise.

The runner keeps code submissions only. Existing rows are copied before the old ones go, so no history is lost.
"""
import json

from django.db import migrations, models


NOT_THE_STUDENTS = {"system_error", "cancelled", "completed"}


def copy_records(apps, schema_editor):
    Submission = apps.get_model("runner", "Submission")
    OldSignature = apps.get_model("runner", "FailureSignature")
    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    FailureSignature = apps.get_model("courses", "FailureSignature")
    ExerciseResult = apps.get_model("courses", "ExerciseResult")
    for row in Submission.objects.filter(mode="quiz").iterator():
        try:
            answers = json.loads(row.code)
        except ValueError:
            answers = []
        attempt = QuizAttempt.objects.create(id=row.id, user_id=row.user_id, exercise_id=row.exercise_id,
                                             answers=answers, checks=row.checks, score=row.score or 0,
                                             max_score=row.max_score or 0, status=row.status)
        QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=row.created_at)
    for old in OldSignature.objects.select_related("submission").iterator():
        new = FailureSignature.objects.create(attempt_id=old.submission_id, user_id=old.user_id,
                                              exercise_id=old.exercise_id, signature=old.signature,
                                              check_name=old.check_name)
        FailureSignature.objects.filter(pk=new.pk).update(created_at=old.submission.created_at)
    results = {}
    graded = (Submission.objects.filter(mode__in=["submit", "quiz"], exercise__isnull=False)
              .exclude(status__in=NOT_THE_STUDENTS | {"queued", "running"}).order_by("created_at"))
    for row in graded.iterator():
        at = row.finished_at or row.created_at
        result = results.setdefault((row.user_id, row.exercise_id), ExerciseResult(
            user_id=row.user_id, exercise_id=row.exercise_id, first_attempt_at=at, last_attempt_at=at))
        result.attempts += 1
        result.last_attempt_at, result.last_status = at, row.status
        result.best_score = max(result.best_score, row.score or 0)
        result.max_score = row.max_score or result.max_score
        if row.status == "passed" and result.first_passed_at is None:
            result.first_passed_at, result.attempts_to_pass = at, result.attempts
    ExerciseResult.objects.bulk_create(results.values(), batch_size=1000)
    Submission.objects.filter(mode="quiz").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('runner', '0002_failure_signatures'),
        ('courses', '0004_results_quiz_attempts_signatures'),
    ]

    operations = [
        migrations.RunPython(copy_records, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='submission',
            name='mode',
            field=models.CharField(choices=[('run', 'Ejecutar'), ('submit', 'Enviar')], max_length=10),
        ),
        migrations.AlterField(
            model_name='submission',
            name='queue',
            field=models.CharField(choices=[('cpu', 'CPU'), ('gpu', 'GPU')], default='cpu', max_length=10),
        ),
        migrations.DeleteModel(
            name='FailureSignature',
        ),
    ]
