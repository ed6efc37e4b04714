-- A new story (its counts follow when its articles are placed).
INSERT INTO stories DEFAULT VALUES
