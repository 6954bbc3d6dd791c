from django.apps import AppConfig


class DelegationsConfig(AppConfig):
    name = "salon.delegations"
    label = "delegations"
