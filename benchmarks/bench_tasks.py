"""A task that does nothing: the floor of the database queue, for the outbound benchmark."""

from django_tasks import task


@task()
def noop(index: int) -> int:
    return index
