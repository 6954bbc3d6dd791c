import csv
from pathlib import Path

from django.db import migrations

CATEGORIES_FILE = Path(__file__).resolve().parent.parent / "data" / "categories.csv"


def load_categories(apps, schema_editor):
    Category = apps.get_model("exhibitors", "Category")
    with CATEGORIES_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Category.objects.update_or_create(code=row["code"], defaults={"name_en": row["name_en"],
                                                                          "name_fr": row["name_fr"]})


class Migration(migrations.Migration):
    dependencies = [("exhibitors", "0001_initial")]
    operations = [migrations.RunPython(load_categories, migrations.RunPython.noop)]
