from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from salon.accounts.domain.tokens import issue_token


class Command(BaseCommand):
    help = "Create an API token for a user and print it once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        self.stdout.write(issue_token(user, name))
