-- The reports read the cases submitted in a date range, and each one's first contact and booking.
-- Neither fits an existing index: staff_case_inbox leads with crisis, and case_timeline_case
-- holds every line of a case (views, notes, exports...). Measured with 50,000 cases over a year:
-- see the casework README, "Reports".
create index staff_case_submitted on staff_case (submitted_at);
create index case_timeline_contact_booking on case_timeline (case_id, kind, at)
    where kind in ('STATUS_CONTACTED', 'STATUS_BOOKED');
