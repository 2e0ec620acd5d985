"""Carry every existing opt-out (Coachee.consent) over to its number, with an event that
keeps what the old field said (e.g. 'SMS "Stop." (twilio)')."""

from django.db import migrations
from django.utils import timezone


def carry_over(apps, schema_editor):
    Coachee = apps.get_model("coaching", "Coachee")
    PhoneConsent = apps.get_model("consent", "PhoneConsent")
    ConsentEvent = apps.get_model("consent", "ConsentEvent")
    opted_out = Coachee.objects.filter(consent="opted_out").order_by("pk")
    for coachee in opted_out.iterator():
        at = coachee.consent_changed_at or timezone.now()
        _row, created = PhoneConsent.objects.get_or_create(
            practice_id=coachee.practice_id,
            phone=coachee.phone,
            defaults={"opted_out": True, "changed_at": at},
        )
        if created:
            ConsentEvent.objects.create(
                practice_id=coachee.practice_id,
                phone=coachee.phone,
                coachee_id=coachee.pk,
                opted_out=True,
                source="import",
                detail=coachee.consent_source,
                created_at=at,
            )


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
