-- HTTP Digest: besides the highest nonce-count accepted per nonce, which of the 64 below it were accepted (bit i:
-- highest_nc - 1 - i), so that requests under one nonce may arrive out of order and each count is still accepted
-- once (RFC 2617 §3.2.2: a replay is "the same nc-value seen twice").
alter table digest_nonce add column seen_below bigint not null default 0;
