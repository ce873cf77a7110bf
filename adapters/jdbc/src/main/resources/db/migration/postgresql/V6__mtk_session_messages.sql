-- The MTK message the delivering node of a streaming session made last, byte for byte as it sends it (the MTK is
-- under the MSK, as on the air). Other nodes that send the same session in their own area (sentBy: every-node)
-- send exactly this message, so every area has the same MTK with the same timestamp at the same time
-- (TS 33.246 §6.3.4.5, §6.3.4.6). Null until the node made its first. Same on H2 but for the type.
alter table mtk_session add column message bytea;
