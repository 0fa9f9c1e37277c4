"""The agents' forms for the knowledge base: writing an article (and a translation of one),
editing it, attaching an image, and sending one to an incident's customer."""

import django_filters
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from catalog.models import Service

from .choices import ArticleAudience, ArticleLanguage, ArticleStatus
from .filtersets import ArticleFilterSet
from .models import Article
from .services import image_max_bytes


class ArticleListFilterSet(ArticleFilterSet):
    """The API's FilterSet (same parameters, same meaning) with widgets and labels for people:
    the filters are declared again, not changed in ``__init__`` (the API shares the parent's
    filters; see ``incidents.forms.incident.QueueFilterSet``)."""

    status = django_filters.MultipleChoiceFilter(choices=ArticleStatus.choices, distinct=False, label=_("Status"),
                                                 widget=forms.CheckboxSelectMultiple)
    language = django_filters.MultipleChoiceFilter(choices=ArticleLanguage.choices, distinct=False,
                                                   label=_("Language"), widget=forms.CheckboxSelectMultiple)
    audience = django_filters.MultipleChoiceFilter(choices=ArticleAudience.choices, distinct=False,
                                                   label=_("Audience"), widget=forms.CheckboxSelectMultiple)
    service = django_filters.ModelChoiceFilter(queryset=Service.objects.order_by("name"), method="filter_service",
                                               label=_("Service"))

    def filter_service(self, queryset, name, value):
        return super().filter_service(queryset, name, value.pk)


def _body_widget() -> forms.Textarea:
    # Markdown is typed as is, in any direction (Persian articles too).
    return forms.Textarea(attrs={"rows": 18, "dir": "auto", "spellcheck": "true"})


class ArticleEditForm(forms.Form):
    """What an agent may change on an article (the lifecycle changes with the page's actions)."""

    FIELDS = ("title", "body", "language", "audience")

    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    body = forms.CharField(label=_("Text"), widget=_body_widget(), strip=False,
                           help_text=_("Markdown: # headings, **bold**, lists, [links](https://…) and tables. "
                                       "Images are uploaded on the edit page once the article is saved."))
    language = forms.ChoiceField(label=_("Language"), choices=ArticleLanguage.choices,
                                 initial=ArticleLanguage.EN)
    audience = forms.ChoiceField(label=_("Audience"), choices=ArticleAudience.choices, initial=ArticleAudience.PUBLIC,
                                 help_text=_("Public articles appear in the help centre once published; internal "
                                             "ones only to agents."))
    services = forms.ModelMultipleChoiceField(label=_("Services"), queryset=Service.objects.order_by("name"),
                                              required=False, widget=forms.CheckboxSelectMultiple)

    @classmethod
    def initial_for(cls, article: Article) -> dict:
        return {"title": article.title, "body": article.body, "language": article.language,
                "audience": article.audience, "services": [s.pk for s in article.services.all()]}

    def changes(self, article: Article) -> dict:
        """Only what differs from the article (``services`` only when they change)."""
        data = self.cleaned_data
        changed = {name: data[name] for name in self.FIELDS if getattr(article, name) != data[name]}
        if {s.pk for s in article.services.all()} != {s.pk for s in data["services"]}:
            changed["services"] = list(data["services"])
        return changed


class ArticleCreateForm(ArticleEditForm):
    """A new article; ``translation_of`` (hidden) makes it a translation of another one."""

    translation_of = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class ArticleImageForm(forms.Form):
    file = forms.FileField(label=_("Image"), widget=forms.ClearableFileInput(
        attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PNG, JPEG, GIF or WebP, up to %(size)s.") % {
            "size": filesizeformat(image_max_bytes())}


class SendToIncidentForm(forms.Form):
    """The "Send to customer" button beside a suggested article on an incident's page."""

    incident = forms.IntegerField(min_value=1, error_messages={"required": _("Which incident? Reload the page.")})
