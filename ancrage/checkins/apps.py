from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CheckinsConfig(AppConfig):
    name = "ancrage.checkins"
    verbose_name = _("Check-ins")

    def ready(self) -> None:
        # A signal rather than a call in coaching: coaching sits below checkins and must
        # not know it exists. Every new practice, however created, gets the starter kit.
        from ancrage.checkins.starter import on_practice_saved
        from ancrage.coaching.models import Practice

        post_save.connect(on_practice_saved, sender=Practice, dispatch_uid="checkins_starter")
