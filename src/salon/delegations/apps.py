from django.apps import AppConfig


class DelegationsConfig(AppConfig):
    name = "salon.delegations"
    label = "delegations"
    demo_loader = "salon.delegations.demo.load_demo"
