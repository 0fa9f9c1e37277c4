"""The knowledge part of ``manage.py seed_demo``: help-centre articles in English, Greek,
European Portuguese and Persian about the demo's services (a password reset, a blocked card,
online banking's first login, email on a phone, an outage's status, a website's 502), some
translations of one another, one internal runbook for agents, one draft still being written
and one written from a known error; a few readers' votes so the measures show something.

Written by the demo agents (Alex in English and Greek, Ana in Portuguese, Dariush in Persian)
and published by the manager (the reviewer of public articles). Idempotent: an article is
found again by its title and language, so seeding twice changes nothing.
"""

from django.db import transaction

from catalog.models import Service
from problems.models import KnownError

from . import services
from .choices import ArticleAudience, ArticleStatus
from .models import Article

# --- the articles -----------------------------------------------------------------------------
# key, language, author, services, title, body; "of": the key of the original it translates;
# "audience" internal; "draft": left unpublished; "known_error": the title of a demo known error.
ARTICLES = [
    {
        "key": "password", "language": "en", "author": "agent", "services": ["Internet banking", "Mobile app"],
        "title": "Reset your online banking password",
        "body": """If you forgot your password or typed it wrong too many times, you can set a new one yourself.

1. On the login page, choose **Forgot your password?**
2. Enter your customer number and the mobile number we have for you.
3. Type the one-time code we send you by SMS (it is valid for 5 minutes).
4. Choose a new password: at least 10 characters, with a number and a letter.

Your old password stops working at once; the mobile app asks you to sign in again.

> We never ask for your password by phone or email. If someone does, do not answer and
> call us.

If the SMS does not arrive within a minute, ask for a new code. Still nothing? Call the
service desk and we will check the mobile number on your account.""",
    },
    {
        "key": "password-el", "of": "password", "language": "el", "author": "agent",
        "services": ["Internet banking", "Mobile app"],
        "title": "Επαναφορά του κωδικού πρόσβασης στο e-banking",
        "body": """Αν ξεχάσατε τον κωδικό σας ή τον πληκτρολογήσατε λάθος πολλές φορές, μπορείτε να ορίσετε
νέο κωδικό μόνοι σας.

1. Στη σελίδα σύνδεσης επιλέξτε **Ξεχάσατε τον κωδικό σας;**
2. Συμπληρώστε τον αριθμό πελάτη και τον αριθμό κινητού που έχετε δηλώσει.
3. Πληκτρολογήστε τον κωδικό μίας χρήσης που θα λάβετε με SMS (ισχύει για 5 λεπτά).
4. Επιλέξτε νέο κωδικό: τουλάχιστον 10 χαρακτήρες, με γράμματα και αριθμούς.

Ο παλιός κωδικός παύει να ισχύει αμέσως· η εφαρμογή για κινητά θα σας ζητήσει να συνδεθείτε ξανά.

> Δεν σας ζητάμε ποτέ τον κωδικό σας τηλεφωνικά ή με email.

Αν το SMS δεν έρθει μέσα σε ένα λεπτό, ζητήστε νέο κωδικό ή καλέστε την εξυπηρέτηση πελατών.""",
    },
    {
        "key": "password-pt", "of": "password", "language": "pt", "author": "agent2",
        "services": ["Internet banking", "Mobile app"],
        "title": "Repor a palavra-passe do homebanking",
        "body": """Se se esqueceu da palavra-passe ou a introduziu mal demasiadas vezes, pode definir uma nova
sem ligar para o banco.

1. Na página de entrada, escolha **Esqueceu-se da palavra-passe?**
2. Introduza o seu número de cliente e o número de telemóvel que nos indicou.
3. Escreva o código que lhe enviamos por SMS (é válido durante 5 minutos).
4. Escolha uma nova palavra-passe: pelo menos 10 caracteres, com letras e algarismos.

A palavra-passe antiga deixa de funcionar de imediato; a aplicação pede-lhe que volte a entrar.

> Nunca lhe pedimos a palavra-passe por telefone nem por email.

Se o SMS não chegar dentro de um minuto, peça um novo código ou contacte o apoio ao cliente.""",
    },
    {
        "key": "password-fa", "of": "password", "language": "fa", "author": "agent3",
        "services": ["Internet banking", "Mobile app"],
        "title": "بازنشانی رمز عبور بانکداری اینترنتی",
        "body": """اگر رمز عبور خود را فراموش کرده‌اید یا چند بار آن را اشتباه وارد کرده‌اید، می‌توانید خودتان
رمز تازه‌ای بگذارید.

1. در صفحهٔ ورود، گزینهٔ **رمز عبور را فراموش کرده‌اید؟** را بزنید.
2. شمارهٔ مشتری و شمارهٔ تلفن همراهی را که به ما داده‌اید وارد کنید.
3. کد یک‌بارمصرفی را که با پیامک برایتان می‌فرستیم وارد کنید (۵ دقیقه اعتبار دارد).
4. رمز تازه‌ای انتخاب کنید: دست‌کم ۱۰ نویسه، با حرف و عدد.

رمز قبلی بی‌درنگ از کار می‌افتد و برنامهٔ تلفن همراه از شما می‌خواهد دوباره وارد شوید.

> ما هرگز رمز عبور شما را تلفنی یا با ایمیل نمی‌پرسیم.

اگر پیامک تا یک دقیقه نرسید، کد تازه بخواهید یا با میز خدمت تماس بگیرید.""",
    },
    {
        "key": "card", "language": "en", "author": "agent", "services": ["Card payments"],
        "title": "Your card is blocked: what to do",
        "body": """A card is blocked after three wrong PINs, when we see a payment that looks like fraud, or
when you report it lost or stolen.

## Wrong PIN three times

The block lifts by itself at midnight. Use the card with the right PIN the next day, at an
ATM first.

## We blocked it to protect you

You get an SMS asking whether you made the payment. Answer **YES** and the card works again
within minutes; answer **NO** and we send you a new card.

## Lost or stolen

Block it at once in the mobile app (**Cards → Block card**) or call us at any hour. A
blocked lost card cannot be unblocked: a new one reaches you in 3 to 5 working days.""",
    },
    {
        "key": "card-pt", "of": "card", "language": "pt", "author": "agent2", "services": ["Card payments"],
        "title": "O meu cartão está bloqueado: o que fazer",
        "body": """Um cartão fica bloqueado depois de três PIN errados, quando detetamos um pagamento que parece
fraude, ou quando nos diz que o perdeu ou que foi roubado.

## PIN errado três vezes

O bloqueio é levantado automaticamente à meia-noite. No dia seguinte, use o cartão com o PIN
correto, de preferência primeiro numa caixa multibanco.

## Bloqueámos o cartão para o proteger

Recebe um SMS a perguntar se fez o pagamento. Responda **SIM** e o cartão volta a funcionar em
poucos minutos; responda **NÃO** e enviamos-lhe um cartão novo.

## Perda ou roubo

Bloqueie-o de imediato na aplicação (**Cartões → Bloquear cartão**) ou ligue-nos a qualquer
hora. Um cartão perdido não pode ser desbloqueado: o novo chega em 3 a 5 dias úteis.""",
    },
    {
        "key": "card-fa", "of": "card", "language": "fa", "author": "agent3", "services": ["Card payments"],
        "title": "کارت بانکی من مسدود شده است: چه کنم؟",
        "body": """کارت پس از سه بار وارد کردن رمز نادرست، هنگامی که پرداختی مشکوک به کلاهبرداری ببینیم، یا وقتی
گم شدن یا دزدیده شدن آن را گزارش کنید مسدود می‌شود.

## سه بار رمز نادرست

مسدودی نیمه‌شب خودبه‌خود برداشته می‌شود. روز بعد کارت را با رمز درست به کار ببرید.

## برای حفاظت از شما مسدودش کردیم

پیامکی می‌گیرید که می‌پرسد آیا این پرداخت را شما انجام داده‌اید. اگر پاسخ **بله** بدهید، کارت
در چند دقیقه دوباره کار می‌کند؛ اگر **نه**، کارت تازه‌ای برایتان می‌فرستیم.

## گم شدن یا دزدی

همان دم کارت را در برنامهٔ تلفن همراه (**کارت‌ها ← مسدود کردن کارت**) مسدود کنید یا در هر ساعتی
با ما تماس بگیرید.""",
    },
    {
        "key": "first-login", "language": "en", "author": "agent", "services": ["Internet banking"],
        "title": "Log in to online banking for the first time",
        "body": """You need your customer number (on your welcome letter) and the activation code we sent by
post.

1. Open the bank's website and choose **Log in → First time here**.
2. Enter your customer number and the activation code.
3. Choose your password and confirm your mobile number with the SMS code.

The activation code is valid for 30 days. If it expired, ask for a new one at any branch or
through the service desk.

Use a current browser (Edge, Chrome, Firefox or Safari): very old browsers show a blank page
after login.""",
    },
    {
        "key": "first-login-fa", "of": "first-login", "language": "fa", "author": "agent3",
        "services": ["Internet banking"],
        "title": "نخستین ورود به بانکداری اینترنتی",
        "body": """برای نخستین ورود به شمارهٔ مشتری (در نامهٔ خوش‌آمدگویی) و کد فعال‌سازی که با پست فرستاده‌ایم نیاز
دارید.

1. وب‌سایت بانک را باز کنید و **ورود ← نخستین بار** را بزنید.
2. شمارهٔ مشتری و کد فعال‌سازی را وارد کنید.
3. رمز عبور خود را برگزینید و شمارهٔ تلفن همراه را با کد پیامکی تأیید کنید.

کد فعال‌سازی ۳۰ روز اعتبار دارد. اگر منقضی شده است، از هر شعبه یا از میز خدمت کد تازه بخواهید.""",
    },
    {
        "key": "mail-phone", "language": "en", "author": "agent3", "services": ["Email"],
        "title": "Set up your mailbox on a phone or in Outlook",
        "body": """Your mailbox works with any mail app that speaks IMAP and SMTP.

| Setting | Value |
|---|---|
| Incoming server (IMAP) | `imap.mail.example.com`, port 993, SSL/TLS |
| Outgoing server (SMTP) | `smtp.mail.example.com`, port 587, STARTTLS |
| User name | your full email address |

**On an iPhone:** Settings → Mail → Accounts → Add Account → Other.
**On Android:** open Gmail → Add another address → Other.
**In Outlook:** File → Add Account, type your address and choose *IMAP* under advanced options.

If the app says the password is wrong right after you changed it, remove the account and add
it again.""",
    },
    {
        "key": "mail-phone-el", "of": "mail-phone", "language": "el", "author": "agent", "services": ["Email"],
        "title": "Ρύθμιση του email σας στο κινητό ή στο Outlook",
        "body": """Το γραμματοκιβώτιό σας λειτουργεί με κάθε εφαρμογή αλληλογραφίας που υποστηρίζει IMAP και SMTP.

| Ρύθμιση | Τιμή |
|---|---|
| Διακομιστής εισερχομένων (IMAP) | `imap.mail.example.com`, θύρα 993, SSL/TLS |
| Διακομιστής εξερχομένων (SMTP) | `smtp.mail.example.com`, θύρα 587, STARTTLS |
| Όνομα χρήστη | ολόκληρη η διεύθυνση email σας |

**Σε iPhone:** Ρυθμίσεις → Mail → Λογαριασμοί → Προσθήκη λογαριασμού → Άλλο.
**Σε Android:** ανοίξτε το Gmail → Προσθήκη άλλης διεύθυνσης → Άλλο.

Αν η εφαρμογή λέει ότι ο κωδικός είναι λάθος αμέσως μετά την αλλαγή του, αφαιρέστε τον
λογαριασμό και προσθέστε τον ξανά.""",
    },
    {
        "key": "outage", "language": "en", "author": "agent2", "services": [],
        "title": "Is something down? Check the status of an outage",
        "body": """Before you call, open our [status page](/status/): it lists every service, any outage in
progress and planned maintenance.

- **Operational**: the service works; the problem may be on your side (try another browser or
  network).
- **Degraded** or **Outage**: we know and are working on it. The page shows the latest update
  and when we expect the service back.

You do not need to report an outage that is already listed. Subscribe to updates on the page
to get an email when it is fixed.""",
    },
    {
        "key": "outage-pt", "of": "outage", "language": "pt", "author": "agent2", "services": [],
        "title": "Há algum serviço em baixo? Consulte o estado das falhas",
        "body": """Antes de nos ligar, abra a nossa [página de estado](/status/): mostra todos os serviços, as
falhas em curso e as manutenções planeadas.

- **Operacional**: o serviço funciona; o problema pode estar do seu lado (experimente outro
  browser ou outra rede).
- **Degradado** ou **Falha**: já sabemos e estamos a resolver. A página mostra a última
  atualização e quando contamos repor o serviço.

Não precisa de comunicar uma falha que já aparece na lista.""",
    },
    {
        "key": "website-502", "language": "en", "author": "agent2", "services": ["Web hosting"],
        "title": "Your website shows 502 Bad Gateway after a deploy",
        "body": """A 502 right after you deploy usually means the site's PHP workers did not restart cleanly.

1. Open the hosting panel and choose your site.
2. Under **Advanced → PHP**, choose **Restart PHP-FPM pool**.
3. Reload the site after a minute.

If the 502 stays, check the deploy's error log in the panel (**Logs → Errors**) and send us the
last lines with your site's name.""",
    },
    {
        "key": "outlook-password", "language": "en", "author": "agent3", "services": ["Email"],
        "known_error": "Outlook asks for the password again after a password change",
        "title": "Outlook keeps asking for your password after you changed it",
        "body": """## What you see

Outlook keeps prompting for your password after you changed it, even when you type the new
one.

## What to do

1. Close Outlook.
2. Open **Windows Credential Manager** (search for it in the Start menu).
3. Under **Windows Credentials**, remove every entry that mentions your mailbox.
4. Start Outlook again and sign in with your new password.""",
    },
    {
        "key": "vpn-runbook", "language": "en", "author": "agent", "services": [], "audience": "internal",
        "title": "Runbook: a remote agent cannot connect to the desk VPN",
        "body": """For agents working from home whose VPN client says *Authentication failed* or hangs on
*Connecting*.

1. Check the agent's account is not locked in the directory (Admin → Users).
2. Ask them to update the VPN client: versions before 5.2 fail the new certificate check.
3. Clear their session on the concentrator: **VPN admin → Sessions → Disconnect**.
4. If their one-time code is rejected, check the phone's clock is set automatically.

Escalate to Hosting Operations if more than three agents report it within an hour: it is
probably the concentrator, not the clients.""",
    },
    {
        "key": "transfer-limits", "language": "en", "author": "agent", "services": ["Mobile app"], "draft": True,
        "title": "Change your daily transfer limit in the mobile app",
        "body": """You can raise or lower your daily transfer limit in **Settings → Limits**.

(Draft: the screenshots of the new app version are still to come.)""",
    },
]

#: Readers' answers on the first articles: (key, helpful, deflected, comment).
FEEDBACK = [
    ("password", True, True, ""), ("password", True, True, ""), ("password", True, False, ""),
    ("password", False, False, "My SMS never arrived."),
    ("card", True, True, ""), ("card-pt", True, True, ""), ("password-fa", True, True, ""),
    ("mail-phone", False, False, "Where do I find the advanced options in the new Outlook?"),
]
#: Views recorded on the first seeding, so the "most viewed" list has an order.
VIEWS = {"password": 42, "card": 31, "first-login": 18, "mail-phone": 15, "outage": 12, "password-fa": 9,
         "password-el": 7, "card-pt": 6, "website-502": 5}


@transaction.atomic
def seed(*, users: dict) -> dict:
    """The demo articles (made once; found again by title and language)."""
    reviewer = users["manager"]
    made: dict[str, Article] = {}
    new: set[str] = set()
    for spec in ARTICLES:
        existing = (Article.objects.filter(title=spec["title"], language=spec["language"], draft_of__isnull=True)
                    .order_by("id").first())
        if existing is not None:
            made[spec["key"]] = existing
            continue
        author = users[spec["author"]]
        known_error = None
        if spec.get("known_error"):
            known_error = KnownError.objects.filter(title=spec["known_error"]).first()
        article = services.article_create(
            author=author, title=spec["title"], body=spec["body"], language=spec["language"],
            audience=spec.get("audience", ArticleAudience.PUBLIC),
            services=list(Service.objects.filter(name__in=spec["services"])), known_error=known_error,
            translation_of=made.get(spec.get("of", "")))
        if not spec.get("draft"):
            if article.audience == ArticleAudience.INTERNAL:
                article = services.article_publish(article, by=author)
            else:
                services.article_submit(article, by=author)
                article = services.article_publish(article, by=reviewer)
        made[spec["key"]] = article
        new.add(spec["key"])
    for key, helpful, deflected, comment in FEEDBACK:
        if key in new and made[key].status == ArticleStatus.PUBLISHED:
            services.article_feedback(made[key], user=None, helpful=helpful, deflected=deflected, comment=comment)
    for key, views in VIEWS.items():
        if key in new:
            Article.objects.filter(pk=made[key].pk).update(views=views)
    return made


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step."""
    context["knowledge"] = seed(users=context["users"])
