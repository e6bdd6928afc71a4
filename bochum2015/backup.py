"""Back up the database and the uploaded media into one archive, and restore it into an
empty installation.

    python -m bochum2015.backup create [--output DIR]     (make backup)
    python -m bochum2015.backup restore ARCHIVE           (make restore BACKUP=ARCHIVE)

PostgreSQL is dumped with pg_dump (custom format) and restored with pg_restore; SQLite is
copied with SQLite's online backup. The archive also holds MEDIA_ROOT and a manifest.
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _engine(database):
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite" in engine:
        return "sqlite"
    raise BackupError(f"Cannot back up a database of engine {engine}.")


def _pg_command(program, database):
    command = [program, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command += [option, str(database[key])]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return command, env


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def _sqlite_connect(name):
    name = str(name)
    return sqlite3.connect(name, uri=name.startswith("file:"))


def dump_database(database, target_dir):
    """Writes the database into target_dir; returns the file name inside it."""
    engine = _engine(database)
    if engine == "postgresql":
        command, env = _pg_command("pg_dump", database)
        _run(
            [
                *command,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target_dir / "database.pgdump"),
                database["NAME"],
            ],
            env,
        )
        return "database.pgdump"
    source = _sqlite_connect(database["NAME"])
    target = sqlite3.connect(target_dir / "database.sqlite3")
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return "database.sqlite3"


def create(database, media_root, output_dir):
    """Creates bochum2015-<UTC time>.tar.gz in output_dir and returns its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"bochum2015-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dump = dump_database(database, tmp)
        manifest = {"format": FORMAT_VERSION, "engine": _engine(database), "database": dump, "created": stamp}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmp / MANIFEST, arcname=MANIFEST)
            tar.add(tmp / dump, arcname=dump)
            if Path(media_root).is_dir():
                tar.add(media_root, arcname="media")
        partial.rename(archive)  # a backup that is there is complete
    return archive


def _database_is_empty(database):
    if _engine(database) == "postgresql":
        command, env = _pg_command("psql", database)
        sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        result = _run([*command, "--tuples-only", "--no-align", "--command", sql, database["NAME"]], env)
        return result.stdout.strip() == "0"
    name = str(database["NAME"])
    if not name.startswith("file:") and (not Path(name).exists() or Path(name).stat().st_size == 0):
        return True
    connection = _sqlite_connect(name)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
    finally:
        connection.close()


def restore(archive, database, media_root):
    """Restores an archive of create() into an empty database and MEDIA_ROOT."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, filter="data")  # refuses absolute paths, links out of the archive, devices
        manifest = json.loads((tmp / MANIFEST).read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"{archive} is not a backup this version can restore.")
        engine = _engine(database)
        if manifest["engine"] != engine:
            raise BackupError(f"{archive} holds a {manifest['engine']} database; this installation uses {engine}.")
        if not _database_is_empty(database):
            raise BackupError(
                "The database is not empty. Restore into an empty one: create a new database "
                "(or remove the SQLite file) and run the restore again."
            )
        dump = tmp / manifest["database"]
        if engine == "postgresql":
            command, env = _pg_command("pg_restore", database)
            _run(
                [
                    *command,
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                    database["NAME"],
                    str(dump),
                ],
                env,
            )
        else:
            source = sqlite3.connect(dump)
            target = _sqlite_connect(database["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        if (tmp / "media").is_dir():
            shutil.copytree(tmp / "media", media_root, dirs_exist_ok=True)
    return manifest


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bochum2015.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    parser = argparse.ArgumentParser(prog="python -m bochum2015.backup", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create_parser = commands.add_parser("create", help="back up the database and media")
    create_parser.add_argument("--output", default=os.environ.get("BACKUP_DIR", settings.BASE_DIR / "backups"))
    restore_parser = commands.add_parser("restore", help="restore a backup into an empty installation")
    restore_parser.add_argument("archive")
    args = parser.parse_args(argv)

    database = settings.DATABASES["default"]
    try:
        if args.command == "create":
            print(create(database, settings.MEDIA_ROOT, args.output))
        else:
            manifest = restore(args.archive, database, settings.MEDIA_ROOT)
            print(
                f"Restored the backup of {manifest['created']} (UTC) "
                f"into {database['NAME']} and {settings.MEDIA_ROOT}."
            )
    except BackupError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
