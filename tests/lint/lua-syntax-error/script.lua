-- a broken script
function setup()
    local x = 
end
