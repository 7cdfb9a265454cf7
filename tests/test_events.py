"""The event record: enough events, in order, sourced, and tied to the status changes they cause."""
import datetime as dt

import geodata

events = geodata.load_events()


def test_at_least_fifty_events_from_1689_to_2008_in_date_order():
    assert len(events) >= 50
    assert events == sorted(events, key=lambda e: (e.date, e.id))
    assert events[0].date.year == 1689 and events[-1].date.year == 2008
    assert len({e.id for e in events}) == len(events)


def test_every_event_is_sourced_and_contested_ones_twice():
    for event in events:
        assert event.sources and all(s["url"].startswith(("http://", "https://")) for s in event.sources), event.id
        if event.contested:
            assert len(event.sources) >= 2, event.id
        assert event.date_precision in ("day", "month", "year")
        if event.date_precision != "day":
            assert event.date.day == 1, event.id


def test_key_dates_match_the_record():
    by_id = {e.id: e for e in events}
    assert by_id["nerchinsk_1689"].date == dt.date(1689, 9, 6)
    plebiscite = next(e for e in events if "plebiscite" in e.id)
    assert plebiscite.date == dt.date(1945, 10, 20)
    assert "487,409" in plebiscite.summary
    recognition = [e for e in events if e.date == dt.date(1946, 1, 5)]
    assert recognition and "outer_mongolia" in recognition[0].regions


def test_each_status_change_is_explained_by_an_event_on_that_day():
    layer = geodata.load_layer()
    explained = {(r, e.date.isoformat()) for e in events for r in e.regions}
    for region, start in zip(layer.region, layer.start):
        if start != "1689-01-01":
            assert (region, start) in explained, (region, start)
