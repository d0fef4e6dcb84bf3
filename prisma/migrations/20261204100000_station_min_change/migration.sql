-- The minimum change time at a station (issue 15 part 1): the fewest minutes between arriving on
-- one train and leaving on another there. Data per station, edited by operators; 8 minutes unless said.
ALTER TABLE "Station" ADD COLUMN "minChangeMinutes" INTEGER NOT NULL DEFAULT 8;
ALTER TABLE "Station" ADD CONSTRAINT "Station_minChangeMinutes_range" CHECK ("minChangeMinutes" BETWEEN 0 AND 120);
