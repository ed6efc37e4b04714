-- The columns of a table or view, in order.
SELECT name FROM pragma_table_info(?1) ORDER BY cid;
