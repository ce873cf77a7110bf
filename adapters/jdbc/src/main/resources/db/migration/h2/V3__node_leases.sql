-- The BM-SC nodes that run engine instances, each with the end of its lease (epoch milliseconds). A node renews
-- its lease while it runs; once a lease has lapsed, another node takes over the lapsed node's engine_instance rows
-- (claimed with FOR UPDATE SKIP LOCKED, so exactly one node does). Same on PostgreSQL (../postgresql/V3__node_leases.sql).
create table engine_node (
    node varchar(200) not null primary key,
    lease_until bigint not null
);
