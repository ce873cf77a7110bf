-- Engine instance records (the procedures' state machines) with their deadlines. Keep in step with
-- ../postgresql/V2__engine_instances.sql; the only difference is the binary type.
-- "instance_key" is the correlation key as text ("s:" and the key for a String); "body" the whole record
-- (InstanceRecordCodec); "node" the BM-SC node that runs the instance; "state" and "next_deadline" (epoch
-- milliseconds of the earliest armed timer, null if none) are copies for operators and for queries. Nodes run
-- their own engines, so two nodes may each run an instance with the same key (an MTK delivery of one session).
create table engine_instance (
    procedure_name varchar(200) not null,
    instance_key varchar(2000) not null,
    node varchar(200) not null,
    state varchar(200) not null,
    next_deadline bigint,
    body varbinary(1000000) not null,
    primary key (node, procedure_name, instance_key)
);
create index engine_instance_by_deadline on engine_instance (next_deadline);
