-- The BM-SC's user service definitions (UserServiceStorage), so that they outlive the process and every node of the
-- database offers the same services. "body": service type and Key Groups as one canonical text line, e.g.
-- "streaming 001-01/0101 001-01/0202" (JdbcUserServiceStorage). Same on ../h2/V7__user_services.sql.
create table user_service (
    service_id varchar(1024) not null primary key,
    body varchar(4000) not null
);
