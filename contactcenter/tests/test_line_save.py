"""line_save: a line and its keypad menu written whole, in one place, with history."""

import pytest
from django.core.exceptions import ValidationError

from catalog.tests.factories import UserFactory
from contactcenter.models import Line, MenuOption
from contactcenter.services import line_save
from contactcenter.tests.factories import LineFactory, MenuOptionFactory, QueueFactory

pytestmark = pytest.mark.django_db


class TestLineSave:
    def test_a_new_line_and_its_menu_are_recorded_in_history_with_the_actor(self):
        # given
        actor, queue = UserFactory(), QueueFactory()
        # when
        line = line_save(data={"number": "+302101234567", "name": "Cards"}, actor=actor,
                         menu=[{"digit": "1", "label": "cards", "queue": queue, "service": None},
                               {"digit": "2", "label": "loans", "queue": queue, "service": None}])
        # then
        assert sorted(line.menu.values_list("digit", flat=True)) == ["1", "2"]
        assert line.history.get().history_user == actor
        rows = MenuOption.history.filter(line_id=line.pk)
        assert rows.count() == 2 and {row.history_user for row in rows} == {actor}

    def test_a_given_menu_replaces_the_options_and_their_removal_is_recorded(self):
        option = MenuOptionFactory(digit="3")
        actor = UserFactory()
        line_save(line=option.line, data={"name": "Renamed"}, menu=[], actor=actor)
        assert Line.objects.get(pk=option.line.pk).name == "Renamed"
        assert not MenuOption.objects.exists()
        removed = MenuOption.history.get(id=option.pk, history_type="-")
        assert removed.history_user == actor

    def test_no_menu_leaves_the_options(self):
        option = MenuOptionFactory()
        line_save(line=option.line, data={"greeting": "Hello"}, menu=None, actor=None)
        assert MenuOption.objects.filter(pk=option.pk).exists()

    def test_a_digit_used_twice_is_refused_and_nothing_is_written(self):
        line, queue = LineFactory(name="Before"), QueueFactory()
        menu = [{"digit": "1", "label": "a", "queue": queue}, {"digit": "1", "label": "b", "queue": queue}]
        with pytest.raises(ValidationError) as refused:
            line_save(line=line, data={"name": "After"}, menu=menu, actor=None)
        assert "menu" in refused.value.message_dict
        assert Line.objects.get(pk=line.pk).name == "Before" and not MenuOption.objects.exists()
