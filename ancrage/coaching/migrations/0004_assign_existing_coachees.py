"""Existing practices keep what every coach sees today (docs/team.md, "Upgrading").

Before this migration every coach saw every client of their practice. After it:
- each client is in the charge of the coach of their latest engagement (none: nobody, and
  every coach still sees them, as an unknown sender is seen);
- in a practice of several coaches, each client is shared with the other coaches, so nobody
  loses sight of anyone; the owner then removes the shares they do not want (Team page);
- a practice without an owner gets one (its first active coach), so someone can manage it.
Single-coach practices see no difference. Nothing is removed; going back only drops fields.
"""

from django.db import migrations


def keep_what_coaches_see(apps, schema_editor):
    Practice = apps.get_model("coaching", "Practice")
    Coach = apps.get_model("coaching", "Coach")
    Coachee = apps.get_model("coaching", "Coachee")
    Engagement = apps.get_model("coaching", "Engagement")
    for practice in Practice.objects.all():
        coaches = list(Coach.objects.filter(practice=practice).order_by("-user__is_active", "pk"))
        if not coaches:
            continue
        if not any(coach.role == "owner" for coach in coaches):
            Coach.objects.filter(pk=coaches[0].pk).update(role="owner")
            coaches[0].role = "owner"
        colleagues = [coach.pk for coach in coaches if coach.role != "owner"]
        for coachee in Coachee.objects.filter(practice=practice):
            in_charge = (
                Engagement.objects.filter(coachee=coachee)
                .order_by("-started_on", "-id")
                .values_list("coach_id", flat=True)
                .first()
            )
            if in_charge is None:
                continue
            Coachee.objects.filter(pk=coachee.pk).update(coach_id=in_charge)
            coachee.shared_with.add(*[pk for pk in colleagues if pk != in_charge])


class Migration(migrations.Migration):
    dependencies = [("coaching", "0003_team_assignment")]

    operations = [migrations.RunPython(keep_what_coaches_see, migrations.RunPython.noop)]
