"""Real mail servers for the tests and the bench: a throw-away Dovecot (IMAP) and an
aiosmtpd SMTP sink, both on free loopback ports.

Dovecot comes from Debian's ``dovecot-imapd`` (``dev.py test`` installs it when missing). Its
configuration, password file and maildirs live in a temporary directory made for the run;
the system's ``/etc/dovecot`` is never read. Run as an ordinary user, every Dovecot process
runs as that user (a "rootless" set-up). Dovecot refuses to run its login processes and to
open mail as root, so when the tests run as root the master starts as root, as it does when
Debian starts it, and drops to the package's ``dovenull`` (logins), ``dovecot`` (internal
processes) and ``nobody`` (mail files) accounts; the directory then lives directly under the
system's temporary directory, readable by those accounts.

Nothing here is a mock: the code under test speaks IMAP and SMTP to real servers.
"""

from __future__ import annotations

import email
import email.policy
import grp
import imaplib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT = os.environ.get("DOVECOT_BINARY", "/usr/sbin/dovecot")
#: Set to 1 to skip the tests that need Dovecot on a machine without it (documented in
#: docs/mail.md, "Running the tests' mail servers"); otherwise a missing Dovecot is a failure.
SKIP_ENV = "SKIP_IMAP_TESTS"
START_SECONDS = 15
#: Mail users written to the passwd-file at a time (one per test that asks for one).
USERS_PER_BATCH = 200


class MailServerMissing(RuntimeError):
    pass


def quoted(folder: str) -> str:
    """A folder name as an IMAP astring (imaplib sends arguments as given)."""
    if re.fullmatch(r"[A-Za-z0-9_.\-/]+", folder):
        return folder
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _config(root: Path, port: int, *, as_root: bool) -> str:
    if as_root:
        users = ("default_internal_user = dovecot\ndefault_internal_group = dovecot\n"
                 "default_login_user = dovenull\n")
        mail_ids = "uid=nobody gid=nogroup"
        chroot = ""
    else:
        me = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
        users = (f"default_internal_user = {me}\ndefault_internal_group = {group}\n"
                 f"default_login_user = {me}\n")
        mail_ids = f"uid={os.getuid()} gid={os.getgid()}"
        # Rootless: a process that is not root cannot chroot.
        chroot = "service imap-login {\n  chroot =\n}\n"
    return f"""# Throw-away Dovecot for the service desk's tests; made by mail/tests/servers.py.
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
# Loopback only, plain IMAP and plain-text passwords (Dovecot 2.3 names).
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# No waiting on refused logins: Dovecot answers a failure after 2 s and then delays every login
# from the same address by 2-15 s (its brute-force penalty: the anvil-auth-penalty listener,
# closed below), which made the test after the refused-login test wait 4 s.
auth_failure_delay = 0
{users}first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_max_userip_connections = 50
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = {mail_ids} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  {"chroot =" if not as_root else ""}
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{chroot}"""


@dataclass
class ImapAccount:
    """One mail user on the throw-away Dovecot, with helpers that speak real IMAP."""

    host: str
    port: int
    username: str
    password: str

    def connect(self, folder: str = "INBOX") -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=30)
        client.login(self.username, self.password)
        typ, data = client.select(quoted(folder))
        assert typ == "OK", data
        return client

    def append(self, raw: bytes, folder: str = "INBOX", flags: str | None = None) -> int:
        """Deliver ``raw`` into ``folder`` (IMAP APPEND); the new message's UID."""
        client = self.connect(folder)
        try:
            typ, data = client.append(quoted(folder), flags, None, raw)
            assert typ == "OK", data
            match = re.search(rb"APPENDUID \d+ (\d+)", data[0] or b"")
            return int(match.group(1)) if match else 0
        finally:
            client.logout()

    def append_many(self, messages, folder: str = "INBOX") -> int:
        """APPEND every message over one connection (the bench's 10,000)."""
        client = self.connect(folder)
        count = 0
        try:
            for raw in messages:
                typ, data = client.append(quoted(folder), None, None, raw)
                assert typ == "OK", data
                count += 1
        finally:
            client.logout()
        return count

    def uids(self, folder: str = "INBOX", criteria: str = "ALL") -> list[int]:
        client = self.connect(folder)
        try:
            typ, data = client.uid("SEARCH", None, criteria)
            assert typ == "OK", data
            return [int(x) for x in (data[0] or b"").split()]
        finally:
            client.logout()

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> flags of every message still in ``folder``."""
        client = self.connect(folder)
        try:
            typ, data = client.uid("FETCH", "1:*", "(UID FLAGS)")
            assert typ == "OK", data
            found = {}
            for line in data:
                text = (line[0] if isinstance(line, tuple) else line or b"").decode()
                uid, flags = re.search(r"UID (\d+)", text), re.search(r"FLAGS \(([^)]*)\)", text)
                if uid and flags:
                    found[int(uid.group(1))] = set(flags.group(1).split())
            return found
        finally:
            client.logout()

    def uidvalidity(self, folder: str = "INBOX") -> int:
        client = imaplib.IMAP4(self.host, self.port, timeout=30)
        try:
            client.login(self.username, self.password)
            typ, data = client.status(quoted(folder), "(UIDVALIDITY)")
            return int(re.search(rb"UIDVALIDITY (\d+)", data[0]).group(1))
        finally:
            client.logout()

    def create_folder(self, folder: str) -> None:
        client = self.connect()
        try:
            typ, data = client.create(quoted(folder))
            assert typ == "OK", data
        finally:
            client.logout()


class Dovecot:
    """A Dovecot started in the foreground (``dovecot -F -c <conf>``) on a free port."""

    def __init__(self, root: Path | None = None):
        if not Path(DOVECOT).exists():
            raise MailServerMissing(
                f"The IMAP tests need Dovecot ({DOVECOT}, Debian package dovecot-imapd); `python3 dev.py test` "
                f"installs it when run as root. Install it, or set {SKIP_ENV}=1 to skip the tests that need it.")
        self.as_root = os.geteuid() == 0
        self._own_root = root is None or self.as_root
        if self._own_root:
            # As root, the unprivileged accounts must reach the files: pytest's own temporary
            # directory (/tmp/pytest-of-root, mode 0700) is closed to them.
            root = Path(tempfile.mkdtemp(prefix="sd-dovecot-"))
        self.root = Path(root)
        self.root.chmod(0o755)
        self.host = "127.0.0.1"
        self.port = 0
        self.process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    # --- life cycle ---------------------------------------------------------------------------
    def start(self) -> Dovecot:
        for sub in ("run", "state", "mail"):
            (self.root / sub).mkdir(exist_ok=True)
        (self.root / "passwd").write_text("")
        (self.root / "passwd").chmod(0o644)
        self._unused: list[tuple[str, str]] = []
        self._write_users(USERS_PER_BATCH)
        if self.as_root:
            shutil.chown(self.root / "mail", "nobody", "nogroup")
        last_error = ""
        for _attempt in range(3):  # a free port may be taken by someone else before we bind it
            self.port = free_port()
            conf = self.root / "dovecot.conf"
            conf.write_text(_config(self.root, self.port, as_root=self.as_root))
            log = self.root / "dovecot.log"
            log.write_text("")
            self.process = subprocess.Popen(  # noqa: S603
                [DOVECOT, "-F", "-c", str(conf)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if self._wait_ready():
                return self
            last_error = self._output()
            self.stop()
        raise RuntimeError(f"Dovecot did not start on 127.0.0.1:\n{last_error}")

    def _output(self) -> str:
        text = ""
        if self.process and self.process.poll() is not None and self.process.stdout:
            text += self.process.stdout.read().decode(errors="replace")
        log = self.root / "dovecot.log"
        if log.exists():
            text += log.read_text(errors="replace")
        return text[-4000:]

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with socket.create_connection((self.host, self.port), timeout=2) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process and self.process.stdout:
            self.process.stdout.close()
        self.process = None

    def cleanup(self) -> None:
        self.stop()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    # --- users --------------------------------------------------------------------------------
    def add_user(self) -> ImapAccount:
        """A new, empty mail user (each test gets its own INBOX, UIDs from 1).

        The users are written to the passwd-file before Dovecot starts: Dovecot notices a
        changed file by its time stamp, too coarse for users added within one second."""
        with self._lock:
            if not self._unused:
                self._write_users(USERS_PER_BATCH)
                time.sleep(1.1)  # a new time stamp, so Dovecot reads the file again
            username, password = self._unused.pop(0)
        return ImapAccount(host=self.host, port=self.port, username=username, password=password)

    def _write_users(self, count: int) -> None:
        users = [(f"desk-{uuid.uuid4().hex[:10]}@example.test", uuid.uuid4().hex) for _ in range(count)]
        with (self.root / "passwd").open("a") as handle:
            handle.writelines(f"{name}:{{PLAIN}}{password}\n" for name, password in users)
        self._unused.extend(users)


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: email.message.EmailMessage = field(repr=False)


class _SinkHandler:
    def __init__(self):
        self.messages: list[ReceivedMail] = []
        self.condition = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        with self.condition:
            self.messages.append(ReceivedMail(mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos),
                                              raw=raw, message=message))
            self.condition.notify_all()
        return "250 Message accepted for delivery"


class SmtpSink:
    """aiosmtpd on a free loopback port that keeps every message it is given."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.handler = _SinkHandler()
        self.host = "127.0.0.1"
        self.port = free_port()
        self.controller = Controller(self.handler, hostname=self.host, port=self.port)

    def start(self) -> SmtpSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[ReceivedMail]:
        with self.handler.condition:
            return list(self.handler.messages)

    def clear(self) -> None:
        with self.handler.condition:
            self.handler.messages.clear()

    def wait_for(self, count: int, timeout: float = 20) -> list[ReceivedMail]:
        """Wait until at least ``count`` messages arrived; all of them."""
        with self.handler.condition:
            self.handler.condition.wait_for(lambda: len(self.handler.messages) >= count, timeout)
            return list(self.handler.messages)
