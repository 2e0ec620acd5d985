"""A task slow enough to be killed mid-way (tests/messaging/test_healing.py)."""

import time

from django_tasks import task


@task()
def nap(seconds: float) -> str:
    time.sleep(seconds)
    return "rested"
