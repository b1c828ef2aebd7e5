"""A throw-away PostgreSQL cluster for the team tests: 127.0.0.1, a free port, TLS with a certificate made for
the run, SCRAM passwords, connections without TLS refused. Run as ``postgres`` through ``runuser`` when the tests
run as root (``initdb`` and ``pg_ctl`` refuse root), directly otherwise."""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

BIN_FOLDERS = tuple(Path(f"/usr/lib/postgresql/{major}/bin") for major in (15, 16, 17))
SUPERUSER = "sew_admin"
HBA = """local all all peer
hostssl all all 127.0.0.1/32 scram-sha-256
hostnossl all all 0.0.0.0/0 reject
"""


def find_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian's layout), or None."""
    return next((folder for folder in BIN_FOLDERS if (folder / "initdb").exists()), None)


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster and how to reach it as its superuser."""

    bin: Path
    folder: Path
    port: int
    password: str

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None,
            sslmode: str = "require") -> str:
        """A libpq connection string to this cluster."""
        secret = self.password if password is None and user == SUPERUSER else password
        parts: dict[str, str | int | None] = {"host": "127.0.0.1", "port": self.port, "dbname": dbname,
                                             "user": user, "sslmode": sslmode, "password": secret or ""}
        return psycopg.conninfo.make_conninfo("", **parts)

    def admin(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit superuser connection."""
        return psycopg.connect(self.dsn(dbname), autocommit=True)

    def create_database(self) -> str:
        """A new empty database's name."""
        name = f"t_{secrets.token_hex(6)}"
        with self.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database (its connections ended) and the logins the test made."""
        with self.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            logins = conn.execute("SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname <> ALL (%s)"
                                  " AND NOT rolsuper", [["postgres", SUPERUSER]]).fetchall()
            for (login,) in logins:
                conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(str(login))))


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _give_to_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for item in [path, *path.rglob("*")]:
            os.chown(item, entry.pw_uid, entry.pw_gid)


def _certificate(folder: Path) -> None:
    subprocess.run(["openssl", "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(folder / "server.key"), "-out", str(folder / "server.crt")],
                   check=True, capture_output=True)
    (folder / "server.key").chmod(0o600)


def _configure(cluster: Cluster) -> None:
    _certificate(cluster.data)
    (cluster.data / "pg_hba.conf").write_text(HBA, encoding="utf-8")
    with (cluster.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {cluster.port}\nssl = on\n"
                   f"unix_socket_directories = '{cluster.folder}'\npassword_encryption = 'scram-sha-256'\n"
                   "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 60\n")


def start() -> Cluster:
    """Make, configure and start a cluster; its superuser ``sew_admin`` has a random password."""
    bin_folder = find_bin()
    if bin_folder is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    folder = Path(tempfile.mkdtemp(prefix="sew-pg-"))
    cluster = Cluster(bin_folder, folder, free_port(), secrets.token_urlsafe(18))
    password_file = folder / "pw"
    password_file.write_text(cluster.password, encoding="utf-8")
    _give_to_postgres(folder)
    subprocess.run([*_as_postgres(), str(bin_folder / "initdb"), "-D", str(cluster.data), "-U", SUPERUSER,
                    "--auth-local=peer", "--auth-host=scram-sha-256", f"--pwfile={password_file}", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    password_file.unlink()
    _configure(cluster)
    _give_to_postgres(folder)
    subprocess.run([*_as_postgres(), str(bin_folder / "pg_ctl"), "-D", str(cluster.data), "-l",
                    str(folder / "log"), "-w", "-t", "30", "start"], check=True, capture_output=True)
    return cluster


def stop(cluster: Cluster) -> None:
    """Stop at once and remove every file."""
    subprocess.run([*_as_postgres(), str(cluster.bin / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate",
                    "-w", "stop"], check=False, capture_output=True)
    shutil.rmtree(cluster.folder, ignore_errors=True)
