from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "salon.program"
    label = "program"
    demo_loader = "salon.program.demo.load_demo"
