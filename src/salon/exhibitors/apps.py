from django.apps import AppConfig


class ExhibitorsConfig(AppConfig):
    name = "salon.exhibitors"
    label = "exhibitors"
    demo_loader = "salon.exhibitors.demo.load_demo"
