import os
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
                # Written aside, then moved into place: parallel test workers compile at once,
                # and none may read a half-written catalogue.
                tmp_path = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")
                polib.pofile(str(po_path)).save_as_mofile(str(tmp_path))
                os.replace(tmp_path, mo_path)
                if options["verbosity"]:
                    self.stdout.write(f"compiled {mo_path.relative_to(project_root)}")
