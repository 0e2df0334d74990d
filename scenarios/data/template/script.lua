-- @ID@: the scenario's script (optional). Vary what does not change the right answer:
-- the applicant's surname, dates, document numbers. See docs/scenario-format.md §16.
local names = import("names")

function setup()
    local surname = names.female_surname()
    sim.set_applicant("name", surname .. " Мария Петровна")
    sim.set_field("passport", "surname", surname)
end
