"""The knowledge base's pages: the agents' /knowledge/… and the public help centre /help/…"""

from .agent_urls import urlpatterns as agent_urlpatterns
from .help_urls import urlpatterns as help_urlpatterns

app_name = "knowledge"
urlpatterns = [*agent_urlpatterns, *help_urlpatterns]
