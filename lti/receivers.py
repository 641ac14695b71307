"""What the LTI tool does when `courses` records a graded attempt (connected in apps.py)."""
from . import grades, tasks


def queue_score_posts(sender, result, **kwargs):
    """A final verdict on an exercise some LMS grades: queue the score post, once the verdict is saved."""
    for target_id in grades.targets_for(result.user_id, result.exercise_id):
        tasks.post_score.delay(target_id)
