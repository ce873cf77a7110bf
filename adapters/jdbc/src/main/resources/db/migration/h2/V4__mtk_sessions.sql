-- Which BM-SC node delivers the MTKs of each streaming session. One node at a time, so that every UE gets the
-- same MTK, with one MTK ID and timestamp sequence, at a given moment (TS 33.246 §6.3.4.5, §6.3.4.6); another
-- node claims the session once the owner's lease (engine_node) has lapsed. Same on PostgreSQL
-- (../postgresql/V4__mtk_sessions.sql).
create table mtk_session (
    session_id varchar(200) not null primary key,
    node varchar(200) not null
);
