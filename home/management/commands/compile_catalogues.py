from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compiles the interface catalogues (.po to .mo) with polib, so no GNU gettext is needed."

    def handle(self, *args, **options):
        project_root = Path(settings.BASE_DIR)
        for po_path in sorted(project_root.glob("*/locale/*/LC_MESSAGES/*.po")):
            if ".venv" in po_path.parts:
                continue
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                if options["verbosity"]:
                    self.stdout.write(f"compiled {mo_path.relative_to(project_root)}")
