from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "salon.editions"
    label = "editions"
    demo_loader = "salon.editions.demo.load_demo"
