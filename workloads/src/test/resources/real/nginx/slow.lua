function delay() return 10 end
