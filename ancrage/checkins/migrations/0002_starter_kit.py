"""Practices created before check-ins existed get the starter metrics and programs."""

from django.db import migrations


def add_starter_kits(apps, schema_editor):
    from ancrage.checkins.starter import create_starter_kit

    models = {name: apps.get_model("checkins", name) for name in ("Metric", "Program", "Question", "QuestionSlot")}
    for practice_id in apps.get_model("coaching", "Practice").objects.values_list("pk", flat=True):
        create_starter_kit(practice_id, models)


class Migration(migrations.Migration):
    dependencies = [("checkins", "0001_initial")]
    operations = [migrations.RunPython(add_starter_kits, migrations.RunPython.noop)]
