-- tries: waste almost all of the budget on every available() call (called many times)
function available(id)
  local n = 0
  for i = 1, 4900000 do n = n + 1 end -- @error
  while true do end -- @error
end
