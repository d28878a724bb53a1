-- What each colleague's roles covered at their last sign-in, so that a case is only assigned to
-- someone who can open it.
alter table staff_member add column lead boolean not null default false;
alter table staff_member add column on_call boolean not null default false;
alter table staff_member add column tracks varchar(255) not null default '';
