"""``mail.parsing.parse`` on every golden message, and header decoding property-tested with
hypothesis: whatever text the standard library encodes (RFC 2047, any charset it can write)
decodes back to the same text."""

import email.policy
from email.header import Header
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mail.parsing import MalformedMail, decode_bytes, decode_words, html_to_text, parse, trim_reply

from .mails import build, golden


def test_plain():
    mail = parse(golden("plain"))

    assert mail.message_id == "<20261103091402.4411@mx.example.org>"
    assert (mail.from_address, mail.from_name) == ("maria.lopes@example.org", "Maria Lopes")
    assert mail.to == ["support@desk.example.com"]
    assert mail.subject == "VPN drops every few minutes"
    assert mail.date.isoformat() == "2026-11-03T09:14:02+00:00"
    assert mail.text.startswith("Hello,\n\nsince this morning the VPN client disconnects")
    assert mail.reply_text.endswith("laptop LT-0412.")  # "Thanks, Maria" is the signature
    assert mail.attachments == [] and mail.auto_submitted is None and not mail.is_dsn


def test_html_only_becomes_safe_text():
    mail = parse(golden("html_only"))

    assert mail.subject == "Printer on floor 3 – paper jam"
    assert mail.text == ('Hi team,\n\nThe printer PRN-3F-02 shows "paper jam" but the tray is empty.\n'
                         "Steps tried:\n\n- opened tray 2\n- restarted & waited 5 minutes\nTomás")
    for unsafe in ("<", "script", "alert", "ignored title", "color: red", "tracker"):
        assert unsafe not in mail.text


def test_multipart_alternative_reads_the_plain_part():
    mail = parse(golden("alternative"))

    assert mail.text == "The expenses app shows error 502 when I submit a claim.\nIt worked yesterday."
    assert mail.attachments == []  # the HTML alternative is not an attachment


def test_greek_in_iso_8859_7_quoted_printable():
    mail = parse(golden("greek_iso8859_7"))

    assert mail.subject == "Πρόβλημα με τον λογαριασμό email"
    assert mail.from_name == "Νίκος Παπαδόπουλος"
    assert "δεν μπορώ να συνδεθώ στον λογαριασμό μου" in mail.text
    assert "«λάθος κωδικός»" in mail.text


def test_persian_in_windows_1256_base64():
    mail = parse(golden("persian_windows1256"))

    # Windows-1256 writes the Arabic yeh (U+064A) where Persian uses U+06CC.
    assert mail.subject == "درخواست دسترسي به پوشه مالي"
    assert mail.from_name == "سارا احمدي"
    assert "لطفاً براي من دسترسي خواندن به پوشه مالي سال 2026 را فعال کنيد." in mail.text


def test_attachments():
    mail = parse(golden("attachments"))

    assert mail.cc == ["maria.lopes@example.org"]
    assert mail.text == "Please find the asset list and the signed order attached."
    pdf, csv = mail.attachments
    assert (pdf.name, pdf.content_type, pdf.inline) == ("order-2026-117.pdf", "application/pdf", False)
    assert pdf.content.startswith(b"%PDF-1.4") and pdf.content.endswith(b"%%EOF\n")
    assert (csv.name, csv.content_type) == ("inventário portáteis.csv", "text/csv")  # RFC 2231 name
    assert "João Silva" in csv.content.decode()


def test_inline_image():
    mail = parse(golden("inline_image"))

    (image,) = mail.attachments
    assert (image.name, image.content_type, image.inline, image.content_id) == (
        "screenshot.png", "image/png", True, "screenshot-1@example.de")
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert mail.text == "This dialog appears every time:\n\nLena"


def test_forwarded_as_attachment():
    mail = parse(golden("forwarded"))

    assert mail.subject == "Fwd: Invoice 88213 overdue"
    (forwarded,) = mail.attachments
    assert (forwarded.name, forwarded.content_type) == ("Invoice 88213 overdue.eml", "message/rfc822")
    assert b"Message-ID: <inv-88213@vendor.example.net>" in forwarded.content
    assert mail.text.startswith("Is this supplier mail genuine?")
    assert "invoice 88213 is overdue" in mail.text  # the forwarded text is readable on the ticket


def test_outlook_reply_trims_the_from_sent_block_and_signature():
    mail = parse(golden("outlook_reply"))

    assert mail.in_reply_to == "<incident-42-0f1e2d3c@desk.example.com>"
    assert mail.references == ["<20261103091402.4411@mx.example.org>", "<incident-42-0f1e2d3c@desk.example.com>"]
    assert mail.reply_text == "It still happens after the update, twice this morning."
    assert "Sent: Tuesday, November 3, 2026" in mail.text  # the full text keeps the history


def test_gmail_reply_trims_on_wrote_and_quotes():
    mail = parse(golden("gmail_reply"))

    assert mail.reply_text == "Thanks, it works again."
    assert "> The expenses service was restarted." in mail.text


def test_auto_reply():
    mail = parse(golden("auto_reply"))

    assert mail.auto_submitted == "Auto-Submitted: auto-replied"
    assert mail.auto_submitted_header == "auto-replied"


def test_bounce_is_a_dsn_naming_the_original_message():
    mail = parse(golden("bounce"))

    assert mail.is_dsn
    assert mail.dsn_original_message_id == "<incident-42-bounced-5e6f@desk.example.com>"
    assert mail.dsn_recipient == "nobody@example.org"
    assert "failed 5.1.1" in mail.dsn_diagnostic and "User unknown" in mail.dsn_diagnostic
    assert mail.attachments == []  # the report's machine parts are not documents


def test_mailing_list():
    mail = parse(golden("mailing_list"))

    assert mail.auto_submitted == "Precedence: list"
    assert mail.list_id.startswith("Operations announcements")


def test_malformed_is_refused_with_the_reason():
    with pytest.raises(MalformedMail, match="no sender address"):
        parse(golden("malformed"))
    with pytest.raises(MalformedMail):
        parse(b"")
    with pytest.raises(MalformedMail):
        parse(b"\x00\xff\xfe garbage without any header\n\nbody")


def test_unknown_charsets_fall_back_instead_of_failing():
    mail = parse(golden("broken_charset"))

    assert mail.subject == "Problème d'imprimante"
    assert mail.from_name == "André"
    assert mail.text == "L'imprimante du 2e étage ne répond plus."


def test_a_message_without_message_id_gets_one_from_its_bytes():
    raw = build().replace(b"Message-ID:", b"X-Not-Message-ID:")

    first, second = parse(raw), parse(raw)

    assert not first.has_message_id
    assert first.message_id == second.message_id and first.message_id.endswith("@no-message-id.invalid>")
    assert parse(raw + b"\n").message_id != first.message_id


@pytest.mark.parametrize(("header", "reason"), [
    ({"Auto-Submitted": "auto-generated"}, "Auto-Submitted: auto-generated"),
    ({"Auto-Submitted": "no"}, None),
    ({"Precedence": "bulk"}, "Precedence: bulk"),
    ({"Precedence": "Junk"}, "Precedence: junk"),
    ({"X-Autoreply": "yes"}, "x-autoreply: yes"),
    ({"Return-Path": "<>"}, "null return path"),
])
def test_automatic_mail_is_recognised(header, reason):
    assert parse(build(headers=header)).auto_submitted == reason


def test_mailer_daemon_mail_is_automatic():
    assert parse(build(sender="MAILER-DAEMON@mx.example.org")).auto_submitted == "sent by mailer-daemon@mx.example.org"


def test_html_to_text_keeps_structure_and_drops_everything_active():
    text = html_to_text('<div>One<br/>Two</div><p>Three &lt;b&gt; &amp; four</p><a href="javascript:x()">link</a>'
                        "<iframe src=x></iframe><style>.a{}</style><!-- secret -->")

    assert text == "One\nTwo\n\nThree <b> & four\n\nlink"


def test_trim_reply_keeps_a_text_without_history_whole():
    assert trim_reply("Just one line.") == "Just one line."
    assert trim_reply("x" * 70000) == "x" * 70000  # too long to scan: kept


def test_decode_bytes_fallbacks():
    assert decode_bytes("é".encode(), "us-ascii") == "é"  # declared ASCII, sent UTF-8
    assert decode_bytes(b"caf\xe9", "utf-8") == "café"  # Latin-1 labelled UTF-8
    assert decode_bytes(b"\x81\x8d\x8f\x90\x9d\xff\xfe", "utf-8").count("\ufffd") >= 1  # nothing fits: replaced
    assert decode_bytes(b"caf\xe9", "no-such-charset") == "café"


# --- property-based: what the standard library encodes, we decode back ------------------------
HEADER_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                      max_size=120).map(lambda text: " ".join(text.split())).filter(bool)
CHARSETS = st.sampled_from(["utf-8", "iso-8859-7", "windows-1256", "iso-8859-1", "koi8-r", "shift_jis"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=HEADER_TEXT, charset=CHARSETS)
def test_rfc2047_subjects_round_trip(text, charset):
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    encoded = Header(text, charset).encode()
    raw = (f"From: a@example.org\r\nSubject: {encoded}\r\nMessage-ID: <p@example.org>\r\n\r\nbody\r\n").encode()

    assert parse(raw).subject == text
    assert decode_words(encoded) == text


@settings(max_examples=200, deadline=None)
@given(subject=HEADER_TEXT, name=HEADER_TEXT, body=st.text(min_size=1, max_size=400))
def test_policy_default_messages_round_trip(subject, name, body):
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = f'"{name.replace(chr(92), "").replace(chr(34), "")}" <sender@example.org>'
    msg["Subject"] = subject
    msg["Message-ID"] = "<round-trip@example.org>"
    msg.set_content(body)

    mail = parse(msg.as_bytes())

    assert mail.subject == subject
    assert mail.from_address == "sender@example.org"
    if body.strip() and body.isprintable():
        assert mail.text == body.strip()
